package ma.etamkeen.rihla.model;

/**
 * What a store (or a backup of it) holds, live — what is in the trash left out: shown beside a backup, or
 * after a recovery, so the user knows what they would get.
 */
public record StoreCounts(long sites, long notes, long lessons, long ideas, long attachments) {
}
