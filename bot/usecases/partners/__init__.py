"""Partner institutions: linking their chats, forwarding reports to them, their answers."""
