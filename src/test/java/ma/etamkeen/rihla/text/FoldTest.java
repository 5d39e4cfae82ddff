package ma.etamkeen.rihla.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words typed one way find words written another, in Arabic and French. */
class FoldTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            numérique | numerique
            Numérique | NUMERIQUE
            Égalité | egalite
            données | donnees
            œuvre | oeuvre
            façade | facade
            Bruxelles-Capitale | bruxelles-capitale
            Zeebrugge | ZEEBRUGGE
            Liège | liege
            Saint-Josse-ten-Noode | saint-josse-ten-noode
            إدارة | ادارة
            أنتويرب | انتويرب
            آفاق | افاق
            ٱلرحمن | الرحمن
            الإدارة | الاداره
            مدينة | مدينه
            مبادرة | مبادره
            مستوى | مستوي
            على | علي
            الابتكار | الإبتكار
            مُحَمَّد | محمد
            الرَّقْمَنَة | الرقمنه
            تَبْسِيط | تبسيط
            الـــرقمنة | الرقمنة
            مسؤول | مسوول
            هيئة | هييه
            ﻣﻴﻨﺎء | ميناء
            ﺍﻹﺩﺍﺭﺓ | الاداره
            ﻻ | لا
            ٢٠٢٢ | 2022
            ۲۰۲۲ | 2022
            E-TAMKEEN | e-tamkeen
            """)
    void foldsAlike(String written, String typed) {
        assertThat(Fold.fold(written)).isEqualTo(Fold.fold(typed));
    }

    @ParameterizedTest(name = "{0} ≁ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            سلطة | سلطان
            numérique | numéro
            مدينة | مدين
            """)
    void keepsDifferentWordsApart(String one, String other) {
        assertThat(Fold.fold(one)).isNotEqualTo(Fold.fold(other));
    }

    @ParameterizedTest(name = "{0} is also found as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            الإدارة | اداره
            والمعطيات | معطيات
            بالرقمنة | رقمنه
            للمواطنين | مواطنين
            لأنتويرب | انتويرب
            وبلجيكا | بلجيكا
            فالإدارة | اداره
            إدارة | اداره
            ال | ال
            numérique | numerique
            """)
    void findsArabicWordsWithoutTheirArticleOrOneLetterPrefix(String word, String form) {
        assertThat(Tokens.words(word)).singleElement().satisfies(w -> assertThat(w.forms()).contains(form));
    }

    @ParameterizedTest(name = "{0} is not cut")
    @CsvSource(delimiter = '|', textBlock = """
            بنك | بنك
            وطن | وطن
            لغة | لغه
            """)
    void shortWordsKeepTheirFirstLetter(String word, String only) {
        assertThat(Tokens.words(word)).singleElement().satisfies(w -> assertThat(w.forms()).containsExactly(only));
    }

    @org.junit.jupiter.api.Test
    void theShortcutForPlainWordsFoldsEveryWordOfTheBuiltInDataAsTheFullWayDoes() throws Exception {
        String seed;
        try (var in = FoldTest.class.getResourceAsStream("/ma/etamkeen/rihla/seed/belgium-2022.json")) {
            seed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String marked = "الإِدَارَةُ الرَّقْمِيَّةُ وَالْمُوَاطِنُونَ آمِنٌ مُؤَسَّسَةٌ شَاطِئٌ ٱلْعَرَبِيَّةُ ١٢٣";
        for (String word : (seed + " " + marked).split("[\\s\\p{Punct}«»]+")) {
            assertThat(Fold.fold(word)).as(word).isEqualTo(Fold.foldFully(word));
        }
    }

    @org.junit.jupiter.api.Test
    void wordsKeepTheirPlaceInTheOriginalText() {
        String text = "L'ordonnance « Once Only » — مبدأ «مرة واحدة فقط» (2020).";
        List<Tokens.Word> words = Tokens.words(text);
        assertThat(words).extracting(Tokens.Word::folded)
                .containsExactly("l", "ordonnance", "once", "only", "مبدا", "مره", "واحده", "فقط", "2020");
        Tokens.Word arabic = words.get(4);
        assertThat(text.substring(arabic.start(), arabic.end())).isEqualTo("مبدأ");
        assertThat(Tokens.terms("الإدارة والإدارات")).contains("الاداره", "اداره", "والادارات", "ادارات");
    }

    /** The Persian, Urdu, Kurdish and Pashto forms of Arabic letters, each folded onto the Arabic letter typed. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ک | ك
            ڪ | ك
            ی | ي
            ے | ي
            ۓ | ي
            ۍ | ي
            ې | ي
            ٸ | ي
            ہ | ه
            ۂ | ه
            ۀ | ه
            ھ | ه
            ە | ه
            ۃ | ه
            ں | ن
            ٵ | ا
            ٶ | و
            ۴ | 4
            ګ | ك
            ڭ | ك
            ݢ | ك
            ؠ | ي
            ێ | ي
            ؽ | ي
            ۄ | و
            ۆ | و
            ۇ | و
            ۋ | و
            ٷ | و
            ۿ | ه
            ڻ | ن
            ڽ | ن
            """)
    void eachPersianOrUrduLetterFoldsOntoItsArabicLetter(String written, String typed) {
        assertThat(Fold.fold(written)).isEqualTo(Fold.fold(typed));
        assertThat(Fold.fold("ب" + written + "ب")).as("inside a word").isEqualTo("ب" + Fold.fold(typed) + "ب");
    }

    /** Invisible format characters vanish; every apostrophe-like character becomes the apostrophe. */
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"00AD", "200B", "200C", "200D", "200E", "200F", "202A", "202E", "2060", "2066", "2069", "FEFF", "061C"})
    void formatCharactersAreIgnored(String hex) {
        String invisible = Character.toString(Integer.parseInt(hex, 16));
        assertThat(Fold.fold("numé" + invisible + "rique")).isEqualTo("numerique");
        assertThat(Tokens.terms("la transfor" + invisible + "mation")).containsExactly("la", "transformation");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"0027", "2019", "2018", "02BC", "02BB", "02BD", "2032", "FF07", "0060", "00B4", "201B"})
    void everyApostropheSplitsAFrenchElision(String hex) {
        String apostrophe = Character.toString(Integer.parseInt(hex, 16));
        assertThat(Tokens.terms("l" + apostrophe + "administration")).containsExactly("l", "administration");
    }

    @org.junit.jupiter.api.Test
    void anAsciiCharacterIsPartOfAWordExactlyWhenUnicodeCallsItALetterOrADigit() {
        for (char c = 1; c < 0x80; c++) {
            boolean joins = Tokens.words("ab" + c + "cd").size() == 1;
            assertThat(joins).as("U+%04X %s", (int) c, c).isEqualTo(Character.isLetterOrDigit(c));
        }
    }
}
