"""The dzielnicowi in community life: district news subscriptions, announcements and meetings,
office hours on the card, and the statistics for debates (docs/programme.md)."""
