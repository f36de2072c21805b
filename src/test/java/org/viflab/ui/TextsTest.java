package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Request;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;

/**
 * The English and Japanese bundles say the same things: every key in both, with the same arguments,
 * and every error code explained.
 */
class TextsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    /** One file of the bundle on its own (a bundle would fill the gaps of Japanese from English). */
    private static Properties file(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(TextsTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyKeyIsInBothLanguagesWithTheSameArguments() throws IOException {
        Properties english = file("messages.properties");
        Properties japanese = file("messages_ja.properties");
        Set<String> englishKeys = new TreeSet<>(english.stringPropertyNames());
        Set<String> japaneseKeys = new TreeSet<>(japanese.stringPropertyNames());

        assertThat(japaneseKeys).as("keys only in English").containsAll(englishKeys);
        assertThat(englishKeys).as("keys only in Japanese").containsAll(japaneseKeys);
        for (String key : englishKeys) {
            assertThat(arguments(japanese.getProperty(key))).as(key).isEqualTo(arguments(english.getProperty(key)));
        }
    }

    @Test
    void theFailureSentencesReadInBothLanguages() {
        Texts texts = new Texts(Locale.ENGLISH);
        assertThat(texts.get("error.write.noFolder", "/home/ana/labs")).isEqualTo("The folder /home/ana/labs does not exist.");
        assertThat(texts.get("open.alreadyOpen", "/home/ana/lab")).isEqualTo("The lab /home/ana/lab is already open in this window.");
        texts.localeProperty().set(Locale.JAPANESE);
        assertThat(texts.get("error.write.noFolder", "/home/ana/labs")).isEqualTo("フォルダー /home/ana/labs は存在しません。");
        assertThat(texts.get("error.write.diskFull")).startsWith("ディスクがいっぱいです");
    }

    @Test
    void everyErrorCodeIsExplainedInBothLanguages() {
        for (Locale language : Texts.SUPPORTED) {
            Texts texts = new Texts(language);
            for (ErrorCode code : ErrorCode.values()) {
                assertThat(texts.has("code." + code.code())).as(code.code() + " in " + language).isTrue();
            }
        }
        Texts texts = new Texts(Locale.JAPANESE);
        assertThat(texts.errorTitle("UnauthorizedOperation")).isEqualTo("UnauthorizedOperation \u2014 この操作を行う権限がありません");
        assertThat(texts.errorTitle("SomethingNew")).isEqualTo("SomethingNew");
    }

    @Test
    void aRejectionIsToldWithItsCodeAndWhatItMeans() {
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel main = TestLabs.demoViewModel(notifier);
        main.session().principalProperty().set(DemoLab.BOB);

        main.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1")));

        assertThat(notifier.rejections).singleElement().asString()
                .startsWith("UnauthorizedOperation \u2014 you have no right to do this: ")
                .contains("bob");
    }
}
