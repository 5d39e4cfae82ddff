package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every kind of record Rihla keeps, each described once: its table and its fields (see {@link Field}). The
 * repositories' column lists, the records that travel in packages and the checks made on them, the texts of
 * the import preview and the editors' "is anything changed" all come from here; a test holds it to the
 * database schema (INFORMATION_SCHEMA), so a column added in a migration and not described fails the build
 * instead of silently never travelling.
 *
 * <p>Every kind also has the audit columns {@code id}, {@code created_at}, {@code updated_at},
 * {@code updated_by} and {@code deleted_at} (the tombstone); entries that can be emptied from the trash have
 * {@code purged_at}. {@link #all()} lists the kinds in the order they travel: what is pointed at comes first.
 *
 * @param <R> the record of the kind
 */
public final class RecordKind<R> {
    /** The longest {@code updated_by}, a delegate's name or a laptop's label (VARCHAR(200)). */
    public static final int AUTHOR_CHARS = 200;

    public static final RecordKind<Visit> VISIT = new Builder<Visit>("visit", "visit")
            .text("code", Codes.MAX_CHARS, Visit::code).required().unique().format(Codes::valid)
            .localized("title", 500, Visit::title).shown()
            .text("programme", 200, Visit::programme).shown()
            .localized("country", 200, Visit::country).shown()
            .localized("cities", 1000, Visit::cities).shown()
            .date("starts_on", Visit::startsOn).shown()
            .date("ends_on", Visit::endsOn).shown()
            .integer("delegation_size", Visit::delegationSize).shown()
            .integer("administration_count", Visit::administrationCount).shown()
            .localized("description", 20_000, Visit::description).shown()
            .text("sources", 5000, visit -> visit.sources().isEmpty() ? null : String.join("\n", visit.sources()))
            .build();

    public static final RecordKind<Theme> THEME = new Builder<Theme>("theme", "theme")
            .text("code", Codes.MAX_CHARS, Theme::code).required().unique().format(Codes::valid)
            .localized("label", 300, Theme::label).shown()
            .integer("position", Theme::position).required()
            .bool("hidden", Theme::hidden).required().shown()
            .build();

    public static final RecordKind<Site> SITE = new Builder<Site>("site", "site")
            .uuid("visit_id", Site::visitId).required()
            .text("slug", Codes.MAX_CHARS, Site::slug).required().unique().format(Codes::valid)
            .localized("name", 500, Site::name).shown()
            .text("name_original", 500, Site::originalName).shown()
            .localized("type", 500, Site::type).shown()
            .text("level", 30, site -> site.level().code()).required().shown()
            .choices(codes(GovernmentLevel.values(), GovernmentLevel::code))
            .localized("level_detail", 500, Site::levelDetail).shown()
            .localized("city", 200, Site::city).shown()
            .text("address", 1000, Site::address).shown()
            .text("website", 1000, Site::website).shown()
            .localized("summary", 20_000, Site::summary).shown()
            .text("to_confirm", 200, site -> Site.encode(site.toConfirm())).required().format(Site::validFields)
            .text("confirmations", 4000, site -> Site.encode(site.confirmations())).format(Site::validConfirmations)
            .links("themes", Field.Type.THEMES, Site::themeCodes).shown()
            .purgeable()
            .build();

    public static final RecordKind<SiteFact> FACT = new Builder<SiteFact>("fact", "site_fact")
            .uuid("site_id", SiteFact::siteId).required()
            .integer("position", SiteFact::position).required()
            .localized("text", 5000, SiteFact::text).shown()
            .text("source", 1000, SiteFact::source).shown()
            .bool("to_confirm", SiteFact::toConfirm).required().shown()
            .text("confirmed_by", AUTHOR_CHARS, fact -> fact.confirmation() == null ? null : fact.confirmation().by())
            .instant("confirmed_at", fact -> fact.confirmation() == null ? null : fact.confirmation().at())
            .build();

    public static final RecordKind<Administration> ADMINISTRATION = new Builder<Administration>("administration",
            "administration")
            .text("name_ar", 500, Administration::nameAr).shown()
            .text("name_fr", 500, Administration::nameFr).shown()
            .text("acronym", 50, Administration::acronym).shown()
            .build();

    public static final RecordKind<Delegate> DELEGATE = new Builder<Delegate>("delegate", "delegate")
            .text("name", 300, Delegate::name).required().shown()
            .uuid("administration_id", Delegate::administrationId)
            .build();

    public static final RecordKind<Lesson> LESSON = new Builder<Lesson>("lesson", "lesson")
            .uuid("site_id", Lesson::siteId).required()
            .uuid("author_id", Lesson::authorId)
            .text("title", 1000, Lesson::title).required().shown()
            .text("observed", 1_000_000, Lesson::observed).shown()
            .text("why_it_works", 1_000_000, Lesson::whyItWorks).shown()
            .links("themes", Field.Type.THEMES, Lesson::themes)
            .purgeable()
            .build();

    public static final RecordKind<Idea> IDEA = new Builder<Idea>("idea", "idea")
            .uuid("site_id", Idea::siteId).required()
            .uuid("lesson_id", Idea::lessonId)
            .uuid("author_id", Idea::authorId)
            .text("title", 1000, Idea::title).required().shown()
            .text("description", 1_000_000, Idea::description).shown()
            .text("effort", 1, idea -> idea.effort() == null ? null : idea.effort().name())
            .choices(codes(Idea.Effort.values(), Idea.Effort::name)).shown()
            .text("impact", 10, idea -> idea.impact() == null ? null : idea.impact().code())
            .choices(codes(Idea.Impact.values(), Idea.Impact::code)).shown()
            .text("status", 20, idea -> idea.status().code()).required()
            .choices(codes(Idea.Status.values(), Idea.Status::code)).shown()
            .text("owner", 300, Idea::owner).shown()
            .text("prerequisites", 1_000_000, Idea::prerequisites).shown()
            .links("themes", Field.Type.THEMES, Idea::themes).shown()
            .links("targets", Field.Type.TARGETS, Idea::targets).shown()
            .purgeable()
            .build();

    public static final RecordKind<Note> NOTE = new Builder<Note>("note", "note")
            .uuid("site_id", Note::siteId).required()
            .uuid("author_id", Note::authorId)
            .date("noted_on", Note::notedOn)
            .text("body", 1_000_000, Note::body).required().shown()
            .purgeable()
            .build();

    public static final RecordKind<Attachment> ATTACHMENT = new Builder<Attachment>("attachment", "attachment")
            .uuid("site_id", Attachment::siteId).required()
            .text("owner_kind", 10, a -> a.ownerKind() == null ? "site" : a.ownerKind().code()).required()
            .choices(Set.of("site", "note", "lesson", "idea"))
            .uuid("owner_id", a -> a.ownerId() == null ? a.siteId() : a.ownerId()).required()
            .text("file_name", 500, Attachment::fileName).required().shown()
            .text("media_type", 200, Attachment::mediaType).required()
            .integer("size_bytes", Attachment::sizeBytes).required()
            .text("sha256", 64, Attachment::sha256).required().format(Codes::sha256)
            .text("caption", 2000, Attachment::caption).shown()
            .bytes("thumbnail")
            .purgeable()
            .build();

    /** A move of an idea for transfer to a status: who and when are its audit columns (created_at, updated_by). */
    public static final RecordKind<StatusChange> STATUS_CHANGE = new Builder<StatusChange>("status-change",
            "idea_status_change")
            .uuid("idea_id", StatusChange::ideaId).required()
            .text("status", 20, change -> change.status().code()).required().shown()
            .choices(codes(Idea.Status.values(), Idea.Status::code))
            .build();

    private static final List<RecordKind<?>> ALL = List.of(VISIT, THEME, SITE, FACT, ADMINISTRATION, DELEGATE, LESSON,
            IDEA, STATUS_CHANGE, NOTE, ATTACHMENT);

    private final String code;
    private final String table;
    private final List<Field<R>> fields;
    private final boolean purgeable;

    private RecordKind(String code, String table, List<Field<R>> fields, boolean purgeable) {
        this.code = code;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.purgeable = purgeable;
    }

    /** Every kind, in the order packages carry them (what is pointed at comes first). */
    public static List<RecordKind<?>> all() {
        return ALL;
    }

    /** The kind kept in this table ({@code SITE}, {@code site_fact}: any case), if there is one. */
    public static Optional<RecordKind<?>> ofTable(String table) {
        return ALL.stream().filter(kind -> kind.table.equalsIgnoreCase(table)).findFirst();
    }

    /** The kind with this code ({@code note}, {@code fact} ...), if there is one. */
    public static Optional<RecordKind<?>> of(String code) {
        return ALL.stream().filter(kind -> kind.code.equals(code)).findFirst();
    }

    /** The kind of records an entry of {@code kind} is stored and shared as. */
    public static RecordKind<?> of(EntryKind kind) {
        return of(kind.code()).orElseThrow();
    }

    /** The entry kind of this kind of record, if it is an entry (a note, a lesson learned ...). */
    public Optional<EntryKind> entryKind() {
        return java.util.Arrays.stream(EntryKind.values()).filter(kind -> kind.code().equals(code)).findFirst();
    }

    /** Its name in packages and messages ({@code kind.<code>}). */
    public String code() {
        return code;
    }

    /** The database table of its records. */
    public String table() {
        return table;
    }

    /** Its own fields, columns and links, without {@code id} and the audit columns. */
    public List<Field<R>> fields() {
        return fields;
    }

    /** The field called {@code name}, if it has one (its own or an audit field). */
    public Optional<Field<R>> field(String name) {
        return columns().stream().filter(field -> field.name().equals(name)).findFirst()
                .or(() -> fields.stream().filter(field -> field.name().equals(name)).findFirst());
    }

    /** Whether emptying the trash purges it (it has {@code purged_at}). */
    public boolean isPurgeable() {
        return purgeable;
    }

    /** Every column of its table: {@code id}, its own columns, then the audit columns. */
    public List<Field<R>> columns() {
        List<Field<R>> columns = new ArrayList<>();
        columns.add(audit("id", Field.Type.UUID, 0, true));
        fields.stream().filter(Field::isColumn).forEach(columns::add);
        columns.add(audit("created_at", Field.Type.INSTANT, 0, true));
        columns.add(audit("updated_at", Field.Type.INSTANT, 0, true));
        columns.add(audit("updated_by", Field.Type.TEXT, AUTHOR_CHARS, true));
        columns.add(audit("deleted_at", Field.Type.INSTANT, 0, false));
        if (purgeable) {
            columns.add(audit("purged_at", Field.Type.INSTANT, 0, false));
        }
        return columns;
    }

    /**
     * What a record of this kind carries in a package besides its id: its own travelling fields (links
     * included) and the audit fields, in this order.
     */
    public List<Field<R>> travelling() {
        List<Field<R>> travelling = new ArrayList<>();
        for (Field<R> column : columns()) {
            if (!column.name().equals("id") && column.travels()) {
                travelling.add(column);
            }
        }
        fields.stream().filter(field -> !field.isColumn()).forEach(travelling::add);
        return travelling;
    }

    /** The names of the audit fields: when and by whom, not what (left out of a record's content hash). */
    public static boolean isAudit(String name) {
        return Set.of("id", "created_at", "updated_at", "updated_by", "deleted_at", "purged_at").contains(name);
    }

    /** Whether the user changed anything between {@code stored} and {@code draft} (blank text counts as none). */
    public boolean differs(R draft, R stored) {
        return !changed(draft, stored).isEmpty();
    }

    /** The fields whose value differs between two records of this kind, in field order. */
    public List<Field<R>> changed(R one, R other) {
        List<Field<R>> changed = new ArrayList<>();
        for (Field<R> field : fields) {
            if (field.value() != null && !Objects.equals(normal(field.value().apply(one)), normal(field.value().apply(other)))) {
                changed.add(field);
            }
        }
        return changed;
    }

    private static Object normal(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text.strip();
        }
        if (value instanceof Collection<?> values) {
            return Set.copyOf(values);
        }
        return value;
    }

    private Field<R> audit(String name, Field.Type type, int maxChars, boolean required) {
        return new Field<>(name, type, maxChars, required, Set.of(), false, true, false, Field.ANY_TEXT, null);
    }

    @Override
    public String toString() {
        return code;
    }

    private static <E> Set<String> codes(E[] values, Function<E, String> code) {
        return java.util.Arrays.stream(values).map(code).collect(Collectors.toSet());
    }

    /** Describes a kind field by field; modifiers apply to the field added last. */
    private static final class Builder<R> {
        private final String code;
        private final String table;
        private final List<Field<R>> fields = new ArrayList<>();
        private boolean purgeable;

        Builder(String code, String table) {
            this.code = code;
            this.table = table;
        }

        Builder<R> text(String name, int maxChars, Function<R, String> value) {
            return add(name, Field.Type.TEXT, maxChars, value::apply);
        }

        /** The {@code _ar}, {@code _fr} and {@code _en} columns of a text in three languages. */
        Builder<R> localized(String prefix, int maxChars, Function<R, Localized> value) {
            text(prefix + "_ar", maxChars, record -> nullSafe(value.apply(record)).ar());
            text(prefix + "_fr", maxChars, record -> nullSafe(value.apply(record)).fr());
            return text(prefix + "_en", maxChars, record -> nullSafe(value.apply(record)).en());
        }

        Builder<R> uuid(String name, Function<R, UUID> value) {
            return add(name, Field.Type.UUID, 0, value::apply);
        }

        Builder<R> date(String name, Function<R, LocalDate> value) {
            return add(name, Field.Type.DATE, 0, value::apply);
        }

        Builder<R> instant(String name, Function<R, Instant> value) {
            return add(name, Field.Type.INSTANT, 0, value::apply);
        }

        Builder<R> integer(String name, Function<R, ? extends Number> value) {
            return add(name, Field.Type.INTEGER, 0, record -> {
                Number number = value.apply(record);
                return number == null ? null : number.longValue();
            });
        }

        Builder<R> bool(String name, Function<R, Boolean> value) {
            return add(name, Field.Type.BOOLEAN, 0, value::apply);
        }

        /** Bytes kept with the record but not in its package record (they travel as files of their own). */
        Builder<R> bytes(String name) {
            add(name, Field.Type.BYTES, 0, null);
            return modify(field -> field.with(false, field.choices(), false, false, false));
        }

        Builder<R> links(String name, Field.Type type, Function<R, ? extends Collection<?>> value) {
            return add(name, type, 0, record -> Set.copyOf(value.apply(record)));
        }

        Builder<R> required() {
            return modify(field -> field.with(true, field.choices(), field.shown(), field.travels(), field.unique()));
        }

        Builder<R> shown() {
            return modify(field -> field.with(field.required(), field.choices(), true, field.travels(), field.unique()));
        }

        Builder<R> unique() {
            return modify(field -> field.with(field.required(), field.choices(), field.shown(), field.travels(), true));
        }

        Builder<R> choices(Set<String> choices) {
            return modify(field -> field.with(field.required(), choices, field.shown(), field.travels(), field.unique()));
        }

        /** Only texts {@code valid} accepts (beside the length and the choices). */
        Builder<R> format(Predicate<String> valid) {
            return modify(field -> field.withFormat(valid));
        }

        Builder<R> purgeable() {
            purgeable = true;
            return this;
        }

        RecordKind<R> build() {
            return new RecordKind<>(code, table, fields, purgeable);
        }

        private Builder<R> add(String name, Field.Type type, int maxChars, Function<R, Object> value) {
            fields.add(new Field<>(name, type, maxChars, false, Set.of(), false, true, false, Field.ANY_TEXT, value));
            return this;
        }

        /** A localized text's three columns are modified together. */
        private Builder<R> modify(Function<Field<R>, Field<R>> change) {
            Field<R> last = fields.get(fields.size() - 1);
            int count = 1;
            if (last.name().endsWith("_en") && fields.size() >= 3) {
                String prefix = last.name().substring(0, last.name().length() - 3);
                if (fields.get(fields.size() - 3).name().equals(prefix + "_ar")) {
                    count = 3;
                }
            }
            for (int i = fields.size() - count; i < fields.size(); i++) {
                fields.set(i, change.apply(fields.get(i)));
            }
            return this;
        }

        private static Localized nullSafe(Localized text) {
            return text == null ? Localized.EMPTY : text;
        }
    }

    /** The message key of a kind's name. */
    public String messageKey() {
        return "kind." + code.toLowerCase(Locale.ROOT);
    }
}
