/**
 * The events API: {@link io.slamon.collector.events.EventTypes} (what is accepted),
 * {@link io.slamon.collector.events.EventValidator} (pure validation) and
 * {@link io.slamon.collector.events.EventsApi} (the Vert.x Web route).
 */
package io.slamon.collector.events;
