"""Residents' rights under RODO (GDPR): a copy of their data (/moje_dane), erasure (/usun_dane).

The same use cases serve requests that arrive by letter (`python -m bot privacy access|erase`).
"""

from bot.usecases.rights.rights_flow import RightsFlow

__all__ = ["RightsFlow"]
