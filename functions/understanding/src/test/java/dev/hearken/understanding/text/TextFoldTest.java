package dev.hearken.understanding.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void latinGreekAndCyrillicLoseTheirDiacriticsAsUsersOftenTypeWithout() {
        assertThat(TextFold.fold("Exclusão da MINHA conta")).isEqualTo("exclusao da minha conta");
        assertThat(TextFold.fold("Hesabımı SİLİN, lütfen")).isEqualTo("hesabimi silin, lutfen");
        assertThat(TextFold.fold("Usuń moje dane, Łódź")).isEqualTo("usun moje dane, lodz");
        assertThat(TextFold.fold("Straße")).isEqualTo("strasse");
        assertThat(TextFold.fold("Xóa tài khoản của tôi")).isEqualTo("xoa tai khoan cua toi");
        assertThat(TextFold.fold("Διαγραφή λογαριασμός")).isEqualTo("διαγραφη λογαριασμοσ");
        assertThat(TextFold.fold("Удалите мой аккаунт, ёжик")).isEqualTo("удалите мои аккаунт, ежик");
    }

    @Test
    void arabicScriptSpellingsOfDifferentKeyboardsMeet() {
        // hamza forms, alef maksura / yeh, kaf / keheh, teh marbuta, harakat, tatweel
        assertThat(TextFold.fold("أريد حذف حسابي")).isEqualTo(TextFold.fold("اريد حذف حسابى"));
        assertThat(TextFold.fold("حَذْفُ الـــبيانات")).isEqualTo(TextFold.fold("حذف البيانات"));
        assertThat(TextFold.fold("كلمة")).isEqualTo(TextFold.fold("کلمه"));
        assertThat(TextFold.fold("می‌خواهم")).isEqualTo("میخواهم");
        assertThat(TextFold.fold("٢٠٢٣ ۱۲")).isEqualTo("2023 12");
    }

    @Test
    void marksThatCarryMeaningElsewhereAreKept() {
        assertThat(TextFold.fold("データを削除してください")).isEqualTo("データを削除してください");
        assertThat(TextFold.fold("계정을 삭제해 주세요")).isEqualTo("계정을 삭제해 주세요");
        assertThat(TextFold.fold("ลบบัญชีของฉัน")).isEqualTo("ลบบัญชีของฉัน");
        assertThat(TextFold.fold("मेरा खाता हटाएं")).isEqualTo("मेरा खाता हटाएं");
        // nukta dropped, chandrabindu made anusvara: both spellings users type meet
        assertThat(TextFold.fold("ज़रूरी")).isEqualTo(TextFold.fold("जरूरी"));
        assertThat(TextFold.fold("हाँ")).isEqualTo(TextFold.fold("हां"));
        assertThat(TextFold.fold("שָׁלוֹם")).isEqualTo("שלום");
    }

    @Test
    void whitespaceCollapsesAndNullIsEmpty() {
        assertThat(TextFold.fold("  a \n\t b  ")).isEqualTo("a b");
        assertThat(TextFold.fold(null)).isEmpty();
        assertThat(TextFold.foldFragment("delet (?:of )?")).isEqualTo("delet (?:of )?");
    }
}
