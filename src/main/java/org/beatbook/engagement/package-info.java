/**
 * Engagement: residents join their district's community list (double opt-in), say which service priorities matter
 * to them, raise concerns, and manage or leave the list through signed links.
 * Public API: {@link org.beatbook.engagement.SubscriberDirectory} and the records beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement")
package org.beatbook.engagement;
