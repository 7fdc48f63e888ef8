package dev.hearken.understanding.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NgramLanguageDetectorTest {

    static final NgramLanguageDetector DETECTOR = NgramLanguageDetector.load();

    @Test
    void it_knows_the_thirty_required_languages_among_all_seventy_five_of_lingua() {
        assertThat(DETECTOR.languages()).containsAll(SupportedLanguages.REQUIRED).hasSize(75);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|The app keeps crashing when I open my photos",
        "es|La aplicación se cierra cuando abro mis fotos",
        "pt|O aplicativo fecha sozinho quando abro minhas fotos",
        "ru|Приложение закрывается, когда я открываю фотографии",
        "zh|我打开照片时应用程序总是崩溃",
        "ja|写真を開くとアプリが落ちます",
        "ko|사진을 열면 앱이 계속 종료됩니다",
        "de|Die App stürzt ab, wenn ich meine Fotos öffne",
        "fr|L'application plante quand j'ouvre mes photos",
        "it|L'applicazione si chiude quando apro le mie foto",
        "tr|Fotoğraflarımı açtığımda uygulama kapanıyor",
        "ar|يتوقف التطبيق عندما أفتح صوري",
        "fa|برنامه وقتی عکس‌هایم را باز می‌کنم بسته می‌شود",
        "hi|जब मैं अपनी तस्वीरें खोलता हूं तो ऐप बंद हो जाता है",
        "id|Aplikasi selalu tertutup ketika saya membuka foto saya",
        "vi|Ứng dụng bị đóng khi tôi mở ảnh của mình",
        "th|แอปปิดตัวลงเมื่อฉันเปิดรูปภาพ",
        "pl|Aplikacja zamyka się, gdy otwieram moje zdjęcia",
        "uk|Додаток закривається, коли я відкриваю свої фотографії",
        "nl|De app sluit af wanneer ik mijn foto's open",
        "sv|Appen stängs när jag öppnar mina bilder",
        "ro|Aplicația se închide când îmi deschid fotografiile",
        "cs|Aplikace se zavře, když otevřu své fotografie",
        "hu|Az alkalmazás bezáródik, amikor megnyitom a fényképeimet",
        "el|Η εφαρμογή κλείνει όταν ανοίγω τις φωτογραφίες μου",
        "he|האפליקציה נסגרת כשאני פותח את התמונות שלי",
        "tl|Nagsasara ang app kapag binubuksan ko ang aking mga larawan",
        "bn|আমি যখন আমার ছবি খুলি তখন অ্যাপটি বন্ধ হয়ে যায়",
        "ur|جب میں اپنی تصاویر کھولتا ہوں تو ایپ بند ہو جاتی ہے"})
    void a_one_line_message_is_recognised_in_each_required_language(String expected, String text) {
        assertThat(DETECTOR.detect(text, null).code()).isEqualTo(expected);
    }

    @Test
    void chinese_is_tagged_simplified_or_traditional() {
        assertThat(DETECTOR.detect("这个应用程序怎么登录？请帮我", null).tag()).isEqualTo("zh-Hans");
        assertThat(DETECTOR.detect("這個應用程式怎麼登入？請幫我", null).tag()).isEqualTo("zh-Hant");
    }

    @Test
    void a_locale_hint_decides_an_ambiguous_two_word_text_but_not_a_clear_one() {
        assertThat(DETECTOR.detect("casa bonita", "pt").code()).isEqualTo("pt");
        assertThat(DETECTOR.detect("casa bonita", "it").code()).isEqualTo("it");
        assertThat(DETECTOR.detect("casa bonita", "pt").hintUsed()).isTrue();
        assertThat(DETECTOR.detect("The app keeps crashing when I open my photos", "de").code()).isEqualTo("en");
    }

    @Test
    void text_without_letters_is_undetermined() {
        assertThat(DETECTOR.detect("12345 !!! :-)", null).code()).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(DETECTOR.detect("", null).confidence()).isZero();
    }

    @Test
    void locales_and_store_territories_map_to_languages() {
        assertThat(SupportedLanguages.fromLocale("pt-BR")).isEqualTo("pt");
        assertThat(SupportedLanguages.fromLocale("zh_TW")).isEqualTo("zh");
        assertThat(SupportedLanguages.fromLocale("iw")).isEqualTo("he");
        assertThat(SupportedLanguages.fromTerritory("JPN")).isEqualTo("ja");
        assertThat(SupportedLanguages.fromTerritory("BR")).isEqualTo("pt");
        assertThat(SupportedLanguages.fromTerritory("XX")).isNull();
    }
}
