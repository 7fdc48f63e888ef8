package dev.hearken.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnderstandingTest {

    static final Understanding UNDERSTANDING = SharedPipeline.get();

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "en|Please delete my account and all data you hold about me.",
        "es|Quiero que eliminen mi cuenta y todos mis datos.",
        "pt|Por favor, excluam minha conta e meus dados pessoais.",
        "ru|Пожалуйста, удалите мой аккаунт и все мои данные.",
        "zh|请删除我的账号和我的个人信息。",
        "ja|アカウントを削除してください。",
        "de|Bitte löschen Sie mein Konto und alle meine Daten.",
        "fr|Merci de supprimer mon compte et toutes mes données.",
        "it|Vi prego di cancellare il mio account e i miei dati.",
        "tr|Lütfen hesabımı silin ve verilerimi kaldırın."})
    void privacy_requests_are_flagged_in_every_core_language(String lang, String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a.priority()).contains(PrioritySignal.PRIVACY);
        assertThat(a.intent()).isEqualTo(Intent.PRIVACY_REQUEST);
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("privacy.lexicon"));
        assertThat(a.language()).isEqualTo(lang);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "en|If this is not fixed I will have my lawyer sue you.",
        "es|Si no me devuelven el dinero hablaré con mi abogado.",
        "pt|Vou registrar uma reclamação no Procon e processar vocês.",
        "ru|Я подам иск в суд, если вы не вернёте деньги.",
        "zh|我要找律师起诉你们。",
        "ja|弁護士に相談して訴訟を起こします。",
        "de|Ich werde meinen Anwalt einschalten.",
        "fr|Je vais contacter mon avocat et porter plainte.",
        "it|Contatterò il mio avvocato.",
        "tr|Avukatıma gideceğim ve dava açacağım."})
    void legal_threats_are_flagged_in_every_core_language(String lang, String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a.priority()).contains(PrioritySignal.LEGAL);
        assertThat(a.intent()).isEqualTo(Intent.LEGAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "My payment failed twice and the card was declined.",
        "Me cobraron dos veces la suscripción.",
        "Платеж не прошел, карта отклонена.",
        "支付失败，但是扣了钱但没有会员。",
        "Zahlung fehlgeschlagen, bitte helfen.",
        "Your app charged my card twice this month"})
    void payment_failures_are_flagged(String text) {
        assertThat(UNDERSTANDING.analyze(Input.of(text)).priority()).contains(PrioritySignal.PAYMENT_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "Hello?", "test", "hola", "привет", "你好", "こんにちは", "hallo, hilfe", "merci", "ciao"})
    void greetings_and_one_word_messages_are_dummy(String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a.intent()).isEqualTo(Intent.DUMMY);
        assertThat(a.priority()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "WINNER!! As a valued customer you have been selected to receive a £900 prize reward! To claim call 09061701461.",
        "FREE entry in 2 a wkly comp to win FA Cup final tkts. Text FA to 87121 to receive entry question",
        "Boost your website to page 1 of Google! Cheap SEO backlinks and guest posts: www.seo-deals.xyz",
        "Invest in bitcoin now and double your crypto in 7 days http://bit.ly/abc",
        "Out of Office: I am away until Monday with limited access to e-mail."})
    void spam_and_auto_generated_mail_are_spam(String text) {
        Analysis a = UNDERSTANDING.analyze(Input.of(text));

        assertThat(a.spam()).isTrue();
        assertThat(a.spamScore()).isGreaterThanOrEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I can't log in to my account since yesterday, the verification code never arrives.",
        "The app crashes every time I open the camera on my Pixel 7.",
        "Hey, are we still meeting for lunch tomorrow?"})
    void ordinary_messages_are_not_spam(String text) {
        assertThat(UNDERSTANDING.analyze(Input.of(text)).spam()).isFalse();
    }

    @Test
    void intents_follow_what_the_user_asks_for() {
        assertThat(UNDERSTANDING.analyze(Input.of("I want a refund for the yearly plan I bought by mistake")).intent())
                .isEqualTo(Intent.REFUND);
        assertThat(UNDERSTANDING.analyze(Input.of("I forgot my password and cannot log in")).intent())
                .isEqualTo(Intent.ACCOUNT_LOGIN);
        assertThat(UNDERSTANDING.analyze(Input.of("The app crashes on startup after the update")).intent())
                .isEqualTo(Intent.BUG);
        assertThat(UNDERSTANDING.analyze(Input.of("How do I cancel my subscription before it renews?")).intent())
                .isIn(Intent.SUBSCRIPTION_BILLING, Intent.HOW_TO);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "REFUND|Hola, compré la suscripción anual por error y quiero que me devuelvan el dinero",
        "ACCOUNT_LOGIN|No puedo entrar a mi cuenta, dice contraseña incorrecta",
        "SUBSCRIPTION_BILLING|Подписка списалась второй раз, хотя я её отменил",
        "BUG|アプリが起動しません。再インストールしても同じです",
        "FEATURE_REQUEST|Die App ist super, aber bitte fügt einen Dark Mode hinzu",
        "HOW_TO|Bonjour, comment puis-je changer la langue de l'application ?",
        "BUG|Olá, o aplicativo trava toda vez que tento enviar uma foto",
        "REFUND|我想取消订阅并申请退款",
        "ACCOUNT_LOGIN|Merhaba, şifremi unuttum ve giriş yapamıyorum",
        "PRAISE|Ciao, l'app è fantastica, grazie mille!"})
    void intents_are_recognised_in_the_core_languages(Intent expected, String text) {
        assertThat(UNDERSTANDING.analyze(Input.ticket(null, text, null)).intent()).isEqualTo(expected);
    }

    @Test
    void sentiment_follows_the_star_rating_and_the_words() {
        double happy = UNDERSTANDING.analyze(Input.review("Love it", "Great app, works perfectly", 5, "US")).sentiment();
        double angry = UNDERSTANDING.analyze(Input.review("Terrible", "Crashes all the time, waste of money", 1, "US")).sentiment();
        double noRating = UNDERSTANDING.analyze(Input.of("This is the worst app, useless and broken")).sentiment();

        assertThat(happy).isBetween(0.7, 1.0);
        assertThat(angry).isBetween(-1.0, -0.7);
        assertThat(noRating).isLessThan(0);
    }

    @Test
    void review_topics_name_what_users_report() {
        Analysis battery = UNDERSTANDING.analyze(Input.review(null, "Drains my battery so fast and the app is very slow", 2, "US"));
        Analysis crash = UNDERSTANDING.analyze(Input.review(null, "Crashes every time I open it, force close error", 1, "US"));
        Analysis german = UNDERSTANDING.analyze(Input.review(null, "Die App stürzt ständig ab und der Akku ist sofort leer", 1, "DE"));

        assertThat(battery.topics()).containsKey(Topic.RESOURCES);
        assertThat(crash.topics()).containsKey(Topic.ERROR);
        assertThat(german.topics()).containsKeys(Topic.ERROR, Topic.RESOURCES);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t ", "<html><body></body></html>", "...", "\uD800\uDC00\uD800"})
    void empty_or_meaningless_input_gets_a_defined_result(String text) {
        Analysis a = UNDERSTANDING.analyze(Input.ticket(null, text, null));

        assertThat(a).isNotNull();
        assertThat(a.intent()).isNotNull();
        assertThat(a.sentiment()).isBetween(-1.0, 1.0);
        assertThat(a.reasons()).isNotEmpty();
    }

    @Test
    void an_empty_ticket_is_spam_but_a_rating_only_review_is_not() {
        assertThat(UNDERSTANDING.analyze(Input.ticket("", "", "en")).spam()).isTrue();
        Analysis review = UNDERSTANDING.analyze(Input.review(null, "", 4, "US"));
        assertThat(review.spam()).isFalse();
        assertThat(review.sentiment()).isEqualTo(0.5);
    }

    @Test
    void a_one_megabyte_text_is_analysed_and_reported_as_truncated() {
        // Speed is measured by make understanding-bench, not asserted here.
        String huge = "The app crashes when I open it. ".repeat(33_000);

        Analysis a = UNDERSTANDING.analyze(Input.of(huge));

        assertThat(huge.length()).isGreaterThan(1_000_000);
        assertThat(a.truncated()).isTrue();
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("truncated"));
        assertThat(a.intent()).isEqualTo(Intent.BUG);
    }

    @Test
    void a_quoted_reply_chain_does_not_decide_the_intent_but_its_priority_requests_are_read() {
        // The user's own earlier mail, quoted below a short reply: whoever wrote the quote, a person must see it.
        String mail = "<div>Any news on this?</div><blockquote>On Monday I wrote: please delete my account "
                + "and all my data, or I will sue you</blockquote>";

        Analysis a = UNDERSTANDING.analyze(Input.ticket("Re: your ticket", mail, "en"));

        assertThat(a.priority()).contains(PrioritySignal.PRIVACY, PrioritySignal.LEGAL);
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("html"));
    }

    @Test
    void mixed_language_text_gets_one_supported_language() {
        Analysis a = UNDERSTANDING.analyze(Input.of("Hola, the app no funciona desde ayer, por favor ayuda"));

        assertThat(a.language()).isIn("es", "en");
        assertThat(a.languageConfidence()).isBetween(0.0, 1.0);
    }

    @Test
    void every_result_names_the_model_version_and_the_language_decision() {
        Analysis a = UNDERSTANDING.analyze(Input.of("Where can I download my invoices?"));

        assertThat(a.modelVersion()).isEqualTo(UNDERSTANDING.modelVersion()).isNotBlank();
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("model-version"));
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("language"));
        assertThat(a.reasons()).anyMatch(r -> r.code().equals("spam.model"));
    }
}
