"""Repositories: add, get and flush; the unit of work commits."""
