# District officers in community life: district news (subscription), announcements, meetings.
# Telegram HTML: <b>, <i>, <code>, <a href>. Button labels are plain text.

command-notifications = News from my district
community-subscribe-button = 🔔 News from this district
community-unsubscribe-button = 🔕 Unsubscribe from this district's news
community-unsubscribe-from = 🔕 Unsubscribe: { $district }
community-subscribed =
    🔔 Done: you will get news from the district officers of <b>{ $district }</b> here — announcements, warnings (e.g. a wave of scam phone calls) and invitations to meetings.
    You can unsubscribe at any time: with the button under every such message or in /notifications. We keep only that you subscribed to this district — until you unsubscribe or use /delete_my_data.
community-already-subscribed = 🔔 You already get the news of <b>{ $district }</b>.
community-unsubscribed = 🔕 You will get no more news from <b>{ $district }</b>. You can subscribe again from the district officer's card (/officer).
community-district-gone = This district is no longer in the directory. Find your district officer: /officer.
community-no-subscriptions = You get no district's news. Find your district officer (/officer) and press "🔔 News from this district" on their card: you will get announcements, warnings and invitations to meetings with residents.
community-subscriptions = 🔔 You get news from the district officers of: <b>{ $districts }</b>. A button below unsubscribes from a district.
community-privacy-notice = <b>District news:</b> if you subscribe, we keep which district it is (and which meetings you plan to attend) — until you unsubscribe (/notifications) or use /delete_my_data.
privacy-data-subscriptions = District news (subscriptions): { $count }
privacy-data-meetings = Meetings you plan to attend: { $count }
