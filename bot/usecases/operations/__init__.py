"""Officer operations: deadlines, escalation, leave and substitutes, quiet hours, digest, bans."""
