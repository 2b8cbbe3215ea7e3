package io.doorstep.sim.serial;

/**
 * What a slave line saw, since it opened.
 *
 * @param requests frames with a good CRC, whoever they were for
 * @param answers replies sent
 * @param exceptions replies that were exception responses (function code with 0x80)
 * @param crcDrops frames dropped for a bad CRC
 * @param framingDrops frames dropped for a gap inside them or for being cut short
 * @param unanswered good frames nobody answered: other addresses, broadcasts, silence
 * @param reopens times the line was opened again after its other end went away
 */
public record LineCounts(long requests, long answers, long exceptions, long crcDrops,
    long framingDrops, long unanswered, long reopens) {
}
