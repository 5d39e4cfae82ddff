package ma.etamkeen.rihla.testing;

import java.util.Random;

/** Mixed Arabic and French text of realistic words, for load and crash tests. */
public final class SampleText {
    private static final String[] WORDS = {"الابتكار", "العمومي", "مختبر", "NIDO", "playbook", "réseau", "innovation",
            "fédéral", "المساطر", "tableau", "الرقمنة", "données", "«once only»", "BOSA", "atelier", "الوفد",
            "simplification", "administrative", "تبسيط", "الإدارة", "citoyens", "المواطنين", "guichet", "الشباك",
            "numérique", "الرقمية", "ordonnance", "المعطيات", "sources", "authentiques", "interopérabilité", "البيني"};

    private SampleText() {
    }

    /** {@code words} words picked at random from both languages. */
    public static String mixed(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
