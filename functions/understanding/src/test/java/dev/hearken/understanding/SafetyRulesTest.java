package dev.hearken.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden rule's reading side: privacy, legal and payment requests are found in every required language, wherever
 * the user put them; a message is dummy only on positive evidence. (These sentences are the team's own; the
 * 30-language evaluation set in {@code eval-data/} measures the same at scale.)
 */
class SafetyRulesTest {

    static final Understanding UNDERSTANDING = SharedPipeline.get();

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "ko|계정이랑 개인정보 전부 삭제해 주세요",
        "ko|회원탈퇴 하고 싶어요",
        "ar|أرجو حذف حسابي وجميع بياناتي الشخصية",
        "ar|بدي امسح حسابي",
        "he|אני רוצה למחוק את החשבון שלי",
        "el|Θέλω να διαγράψετε τον λογαριασμό μου",
        "hi|कृपया मेरा खाता और मेरा सारा डेटा हटा दें",
        "bn|আমার অ্যাকাউন্ট ডিলিট করে দিন",
        "ur|میرا اکاؤنٹ ڈیلیٹ کر دیں",
        "fa|لطفا حساب کاربری من را حذف کنید",
        "th|ช่วยลบบัญชีของฉันด้วยค่ะ",
        "vi|Xoa tai khoan cua toi",
        "pl|Proszę usunąć moje konto i dane",
        "nl|Verwijder mijn account alsjeblieft",
        "id|Tolong hapus akun saya",
        "tl|Pakidelete po ng account ko"})
    void deletion_requests_are_privacy_in_every_script(String lang, String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a.priority()).as(lang).contains(PrioritySignal.PRIVACY);
        assertThat(a.intent()).isEqualTo(Intent.PRIVACY_REQUEST);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "ko|변호사를 통해 소송을 제기하겠습니다",
        "ar|سأرفع دعوى قضائية ضدكم عن طريق محامي",
        "hi|मैं उपभोक्ता अदालत में शिकायत करूंगा",
        "th|ฉันจะฟ้องร้องบริษัทของคุณ",
        "he|אני אפנה לעורך דין",
        "sv|Jag kommer att anmäla er till ARN"})
    void legal_threats_are_legal_in_every_script(String lang, String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a.priority()).as(lang).contains(PrioritySignal.LEGAL);
    }

    @Test
    void a_privacy_request_in_a_ps_after_the_signature_is_read() {
        String mail = "Hello,\n\nthe video export crashes every time on my phone since the last update.\n\n"
                + "Best regards,\nMaria\n\nP.S. please also delete my account and all my personal data.";

        Analysis a = UNDERSTANDING.analyze(Input.ticket("Export crash", mail, "en"));

        assertThat(a.priority()).contains(PrioritySignal.PRIVACY);
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("signature"));
    }

    @Test
    void a_request_buried_deep_in_a_long_mail_is_read() {
        String filler = "The app keeps crashing when I export a video and I have tried everything you suggested. ";
        String mail = filler.repeat(60) + "Also, I want you to erase all my data. " + filler.repeat(20);

        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, mail, null));

        assertThat(mail.length()).isGreaterThan(5_000);
        assertThat(a.priority()).contains(PrioritySignal.PRIVACY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "Hello?", "thanks!!", "test", "ok", "???", "🙏", "안녕하세요", "مرحبا", "สวัสดีครับ",
        "नमस्ते", "שלום", "γεια σας", "xin chào", "你好，在吗？"})
    void greetings_thanks_and_tests_are_dummy(String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a.intent()).isEqualTo(Intent.DUMMY);
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("dummy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel subscription", "refund please", "delete account", "구독 취소", "환불해 주세요",
        "إلغاء الاشتراك", "رقم الفاتورة", "ยกเลิกสมาชิก", "abonelik iptal", "zrušit předplatné", "wachtwoord vergeten",
        "xylophone quantum"})
    void short_real_requests_are_never_dummy(String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a.intent()).as(text).isNotEqualTo(Intent.DUMMY);
    }

    @Test
    void a_language_the_intent_model_never_learnt_gets_a_confidence_no_reply_policy_accepts() {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null,
                "Habari yenu, naomba refund ya pesa zangu kwa sababu programu hii haifanyi kazi kabisa", null));

        assertThat(a.language()).isEqualTo("sw");
        assertThat(a.intentConfidence()).isLessThanOrEqualTo(Understanding.UNCOVERED_LANGUAGE_CONFIDENCE_CAP);
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("language-coverage"));
    }
}
