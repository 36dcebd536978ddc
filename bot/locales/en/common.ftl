button-expired = This button has expired. Here is the current step:
error-try-again = Something went wrong on our side. Your data is safe — please try again in a moment.
update-failed = We could not handle your message despite several tries. What you already entered is saved. Please try again; in an emergency call 112.
