package ma.etamkeen.rihla.model;

import java.util.UUID;

import ma.etamkeen.rihla.i18n.Language;

/** A Moroccan administration: a target of ideas for transfer, the employer of a delegate. */
public record Administration(UUID id, String nameAr, String nameFr, String acronym) {

    /** The name to show: Arabic in the Arabic UI, French otherwise, with the acronym when there is one. */
    public String label(Language language) {
        String name = language == Language.AR && nameAr != null ? nameAr : nameFr != null ? nameFr : nameAr;
        if (acronym == null || acronym.isBlank()) {
            return name == null ? "" : name;
        }
        return name == null ? acronym : acronym + " — " + name;
    }

    /** The short name for a crowded place (a table cell, a card): the acronym, else the {@link #label}. */
    public String shortName(Language language) {
        return acronym == null || acronym.isBlank() ? label(language) : acronym;
    }
}
