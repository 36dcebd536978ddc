"""Use cases: transport-neutral, one unit of work each; they never import telegram."""
