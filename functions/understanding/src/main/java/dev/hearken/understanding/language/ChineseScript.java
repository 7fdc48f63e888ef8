package dev.hearken.understanding.language;

/** Tells Simplified from Traditional Chinese by counting characters that exist in only one of the two. */
final class ChineseScript {

    // Frequent characters whose simplified and traditional forms differ (same order in both strings).
    private static final String SIMPLIFIED =
            "这个们说会来时对国学为过还让买开关电话请问题谢钱没样经发现进动后见点书长门间东车机无应该给结实变爱认识网络帐号码费订阅删除数据隐私软件垃圾邮试验证";
    private static final String TRADITIONAL =
            "這個們說會來時對國學為過還讓買開關電話請問題謝錢沒樣經發現進動後見點書長門間東車機無應該給結實變愛認識網絡帳號碼費訂閱刪除數據隱私軟件垃圾郵試驗證";

    private ChineseScript() {
    }

    /** {@code Hant} when traditional-only characters outnumber simplified-only ones, else {@code Hans}. */
    static String of(String text) {
        int simplified = 0;
        int traditional = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int s = SIMPLIFIED.indexOf(c);
            int t = TRADITIONAL.indexOf(c);
            if (s >= 0 && SIMPLIFIED.charAt(s) != TRADITIONAL.charAt(s)) {
                simplified++;
            }
            if (t >= 0 && TRADITIONAL.charAt(t) != SIMPLIFIED.charAt(t)) {
                traditional++;
            }
        }
        return traditional > simplified ? "Hant" : "Hans";
    }
}
