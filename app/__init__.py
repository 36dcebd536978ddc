"""The composition root: assembles `bot`, `handlers` and `db` into the running bot.

`assembly` builds the PTB Application (the handlers in their order), `runtime` starts and stops a
whole bot process, `run_cmd` is `python -m bot run|webhook`. Nothing below imports this package.
"""
