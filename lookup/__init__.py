"""Find the district officer (dzielnicowy) for a typed address or a shared location, offline.

Import from the modules themselves (`lookup.directory` for the plain records, `lookup.gazetteer`
for the look-up): this package imports nothing, so that the database models, which use the
records' enums, and the commands that need no look-up (`officers list`) do not load the
gazetteer's libraries (shapely with numpy, rapidfuzz, geopy: about 0.3 s at every start).
"""
