# Urgent categories (categories.csv: urgent): danger to life or health happening now.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>. The contact name is plain text.

report-urgent =
    🚨 <b>This may be an emergency.</b> If someone is in danger right now — a person out in the frost, someone drowning, a fire, violence — <b>call 112</b>. The number is below: tap it to call.

    You can finish the report afterwards, but the district officer will read it only within a few days — do not wait here for help now.
report-urgent-contact-name = 112 — emergency number
report-sent-urgent =
    ✅ <b>Report sent.</b> Reference: <code>{ $reference }</code>

    It goes to your district's officer. If someone is in danger now, do not wait for an answer — <b>call 112</b>. We will write here whenever its status changes (/my).
