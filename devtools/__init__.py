"""Development tools, not part of the running bot: installed by `make install` for tests."""
