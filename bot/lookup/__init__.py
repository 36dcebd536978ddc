"""Find the district officer (dzielnicowy) for a typed address or a shared location, offline."""
