package ma.etamkeen.rihla.store;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON mapper, with Jackson's default settings, for what Rihla writes and reads as JSON: change sets,
 * package manifests and signatures, sync conflicts, a hub's id, the last filter and brief options.
 * It is made when JSON is first read or written, not when the services are (at every start, which writes
 * none): making a mapper loads some 400 classes, 20–30 ms of a cold start. An {@link ObjectMapper} is
 * thread-safe once configured; this one is never reconfigured (a reader of other settings makes its own).
 */
public final class Json {
    /** The shared mapper: call {@code Json.MAPPER} where JSON is written or read (class initialisation is lazy). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
