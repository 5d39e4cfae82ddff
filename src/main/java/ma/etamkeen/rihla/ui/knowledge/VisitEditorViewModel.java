package ma.etamkeen.rihla.ui.knowledge;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.KnowledgeBase;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * A visit being created or edited: its texts by column name as the field model ({@link RecordKind#VISIT})
 * names them, its dates, the size of the delegation and how many administrations it serves. A new visit's
 * code follows its French title (else its English one) until typed; it never changes afterwards.
 */
public final class VisitEditorViewModel {
    private static final Set<String> NOT_TYPED = Set.of("code");

    private final WindowContext context;
    private final Visit original;  // null for a new visit
    private final DraftTexts texts;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ObjectProperty<LocalDate> startsOn = new SimpleObjectProperty<>(this, "startsOn");
    private final ObjectProperty<LocalDate> endsOn = new SimpleObjectProperty<>(this, "endsOn");
    private final StringProperty delegationSize = new SimpleStringProperty(this, "delegationSize", "");
    private final StringProperty administrationCount = new SimpleStringProperty(this, "administrationCount", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Visit initial;
    private boolean codeTyped;

    private VisitEditorViewModel(WindowContext context, Visit original) {
        this.context = context;
        this.original = original;
        this.texts = new DraftTexts(RecordKind.VISIT, original, NOT_TYPED);
        if (original != null) {
            code.set(original.code());
            startsOn.set(original.startsOn());
            endsOn.set(original.endsOn());
            delegationSize.set(original.delegationSize() == null ? "" : original.delegationSize().toString());
            administrationCount.set(original.administrationCount() == null ? "" : original.administrationCount().toString());
        } else {
            texts.all().get("title_fr").addListener((obs, old, now) -> suggestCode());
            texts.all().get("title_en").addListener((obs, old, now) -> suggestCode());
            startsOn.addListener((obs, old, now) -> suggestCode());
        }
        this.initial = draftOrNull();
    }

    /** An editor of a new visit. */
    public static VisitEditorViewModel newVisit(WindowContext context) {
        return new VisitEditorViewModel(context, null);
    }

    /** An editor of {@code visit}, as stored. */
    public static VisitEditorViewModel edit(WindowContext context, Visit visit) {
        return new VisitEditorViewModel(context, visit);
    }

    /** Whether the visit is not stored yet (its code may still be typed). */
    public boolean isNew() {
        return original == null;
    }

    /** The visit as stored, or null for a new one. */
    public Visit original() {
        return original;
    }

    /** The texts by column name ({@code title_ar}, {@code programme}, {@code sources} ...). */
    public Map<String, StringProperty> texts() {
        return texts.all();
    }

    /** The code of the visit: typed for a new visit, fixed once it exists. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The user typed a code of their own: it no longer follows the title. */
    public void codeTyped() {
        codeTyped = true;
    }

    private void suggestCode() {
        if (!codeTyped) {
            String base = KnowledgeBase.slugOf(texts.firstOf("title_fr", "title_en"));
            code.set(startsOn.get() == null || base.isEmpty() ? base : base + "-" + startsOn.get().getYear());
        }
    }

    /** The first day of the visit (null: not known). */
    public ObjectProperty<LocalDate> startsOnProperty() {
        return startsOn;
    }

    /** The last day of the visit (null: not known); not before the first. */
    public ObjectProperty<LocalDate> endsOnProperty() {
        return endsOn;
    }

    /** How many delegates travelled, as typed (a whole number, or empty). */
    public StringProperty delegationSizeProperty() {
        return delegationSize;
    }

    /** How many administrations the programme serves, as typed (a whole number, or empty). */
    public StringProperty administrationCountProperty() {
        return administrationCount;
    }

    /** While saving: the form waits. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /**
     * The visit as the form says.
     *
     * @throws RejectedInput {@code input.number-invalid} for a count that is not a whole number
     */
    public Visit draft() {
        String sources = texts.text("sources");
        return new Visit(original == null ? null : original.id(), code.get() == null ? "" : code.get().strip(),
                texts.localized("title"), texts.text("programme"), texts.localized("country"), texts.localized("cities"),
                startsOn.get(),
                endsOn.get(), number(delegationSize.get(), "delegation_size"),
                number(administrationCount.get(), "administration_count"), texts.localized("description"),
                sources == null ? List.of() : Arrays.stream(sources.split("\\R")).map(String::strip)
                        .filter(line -> !line.isEmpty()).toList());
    }

    private Visit draftOrNull() {
        try {
            return draft();
        } catch (RejectedInput e) {
            return null;
        }
    }

    /** Whether saving would change anything (field by field, as the field model describes them). */
    public boolean isDirty() {
        Visit now = draftOrNull();
        return now == null || initial == null || RecordKind.VISIT.differs(now, initial);
    }

    /** Saves the visit; {@code saved} gets it as stored, {@code refused} the reason in the user's language. */
    public void save(Consumer<String> refused, Consumer<Visit> saved) {
        Visit visit;
        try {
            visit = draft();
        } catch (RejectedInput e) {
            refused.accept(context.describe(e));
            return;
        }
        busy.set(true);
        context.background().write(workspace -> workspace.knowledge().saveVisit(visit), stored -> {
            busy.set(false);
            context.saveStatus().info(context.language().messages().format(isNew() ? "visit.added" : "visit.saved",
                    stored.title().in(context.language().get())));
            context.knowledgeChanged();
            saved.accept(stored);
        }, failure -> {
            busy.set(false);
            refused.accept(context.describe(failure));
        });
    }

    private static Integer number(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(typed.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RejectedInput("input.number-invalid", new RejectedInput.Term("field." + field), typed.strip());
        }
    }
}
