package ma.etamkeen.rihla.store;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;

/** What two laptops must agree on after exchanging: every record that travels, field by field, and file bytes. */
public final class ExchangeRecords {
    private ExchangeRecords() {
    }

    /**
     * Every travelling record as text, with its attachment bytes' hash, by id; the built-in ones (on every
     * laptop from the seed, each with its own time of seeding) left out.
     */
    public static Map<UUID, String> of(Database database) {
        ExchangeRepository repository = new ExchangeRepository();
        return database.read(tx -> {
            Map<UUID, String> records = new HashMap<>();
            for (RecordKind<?> kind : RecordKind.all()) {
                for (Record record : repository.all(tx, kind)) {
                    if (Seeder.SEED_AUTHOR.equals(record.text("updated_by"))) {
                        continue;
                    }
                    String bytes = kind == RecordKind.ATTACHMENT ? " bytes=" + java.util.Arrays.hashCode(repository.content(tx, record.id())) : "";
                    records.put(record.id(), kind + " " + record.fields() + bytes);
                }
            }
            return records;
        });
    }
}
