/**
 * Charging-shed safety: what must happen to the e-bike charging piles of a shed, decided from
 * what the piles report. An EBC-10 pile protects itself only against over-current and short
 * circuits; it does not cut a finished charge, limit time, react to its own smoke detector or
 * a hot plug, or know of a fire. All of that is decided here.
 *
 * <p>The rules are pure: no Vert.x, no I/O, no threads, no clock (only
 * {@link io.doorstep.gateway.charging.ChargingVerticle} and {@code SessionRows} touch the bus and
 * the store, and they decide nothing). {@link io.doorstep.gateway.charging.ShedSafety}
 * takes each poll of a pile ({@link io.doorstep.gateway.charging.PileReading#from}), fire mode,
 * the results of stop writes and a tick, with the time as an argument, and answers with
 * {@link io.doorstep.gateway.charging.SafetyAction}s. The same inputs always give the same actions.
 *
 * <p>Decided here: when to stop a port and why (the table in
 * {@link io.doorstep.gateway.charging.SafetyLimits}), that a safety stop latches until the plug
 * is pulled, that every stop is read back and a relay that stays closed calls a person to the
 * named breaker, which alarms are up (once per episode, cleared when the condition ends), the
 * siren, the shed's power budget, and the accounts of each session.
 *
 * <p>Left to the wiring ({@code ChargingVerticle}): writing the stops (urgent, ahead of every
 * poll on the line) and reading the pile back at once, calling {@code onTick} every second,
 * telling fire mode (the estate has one fire panel: a fire covers every shed), storing sessions
 * ({@code SessionRows}) and turning alarms into events. The limits are layered estate → shed →
 * pile by {@code ShedConfigs}. State here lives in memory only: after a restart a port found
 * charging starts a session worked out from its relay seconds, so the time limit still counts
 * from the real start, but latches and stops in flight are forgotten.
 *
 * <p>Time: the timed conditions ("above 800 W for 5 s") run on the readings' own timestamps,
 * from the first valid reading showing the condition to the first valid one not showing it.
 * An unreadable port neither starts nor ends a timer and never causes a stop.
 */
package io.doorstep.gateway.charging;
