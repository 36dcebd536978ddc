"""Officers: verified sign-up, alerts in their chats, the status workflow, their commands."""
