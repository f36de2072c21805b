package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.viflab.model.Sentence;
import org.viflab.model.SentenceBundles;

class RefusalTest {

    private static final Path FILE = Path.of("labs", "class.mv.db");

    @Test
    void everyRefusalIsSaidInEnglishAndJapaneseWithTheSameArguments() {
        SentenceBundles.assertSpokenInBothLanguages(Refusal.values());
    }

    @Test
    void englishRefusalsReadAsTheyAlwaysHave() {
        assertThat(LabFile.refuse(FILE, Sentence.of(Refusal.NEWER_SCHEMA, 7, 3)).getMessage())
                .isEqualTo("The lab file " + FILE + " was saved by a newer VIF Lab (lab schema version 7; this VIF Lab"
                        + " reads up to version 3). Open it with a newer VIF Lab. The file was not changed.");
        assertThat(LabFile.refuse(FILE, Sentence.of(Refusal.IS_FOLDER)).getMessage())
                .isEqualTo("The lab file " + FILE + " is a folder, not a lab file. Choose the lab's .mv.db file, or"
                        + " another name for a new lab. The file was not changed.");
        assertThat(LabFile.refuse(FILE, Sentence.of(Refusal.WRONG_TABLES, 3, Sentence.of(Refusal.TABLES_MISSING, "LAB"),
                Sentence.verbatim(""))).getMessage())
                .isEqualTo("The lab file " + FILE + " is damaged: its tables are not those of a lab at schema version 3"
                        + " (missing: LAB). Restore it from a backup. The file was not changed.");
        assertThat(LabFile.refuse(FILE, Sentence.of(Refusal.INCOMPLETE, 4096, 12288)).getMessage())
                .contains("it is 4096 bytes long, but the last state saved in it needs at least 12288 bytes");
    }

    @Test
    void japaneseRefusalsNameTheFile() {
        assertThat(LabFile.refuse(FILE, Sentence.of(Refusal.READ_ONLY)).sentence().in(Locale.JAPANESE))
                .isEqualTo("ラボファイル " + FILE + " は読み取り専用ですが、VIF Lab は変更のたびにすぐラボファイルへ書き込みます。"
                        + "ファイルを書き込み可能にする（または自分のフォルダーにコピーする）と開けます。ファイルは変更されていません。");
    }

    @Test
    void aLabPathTheDatabaseCannotTakeIsRefusedInEitherLanguage() {
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> H2Repository.open(Path.of("labs", "a;b")), org.viflab.coordinator.Repository.StoreException.class);
        assertThat(refused.getMessage()).startsWith("The lab path ").contains("contains ';', which the H2 database reads")
                .endsWith("Choose a folder and a name without ';'. Nothing was opened or changed.");
        assertThat(refused.sentence().in(Locale.JAPANESE)).startsWith("ラボのパス ").contains("に ';' が含まれています")
                .endsWith("何も開かず、何も変更していません。");
        refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> H2Repository.open("jdbc:mysql://db/lab"), org.viflab.coordinator.Repository.StoreException.class);
        assertThat(refused.sentence().in(Locale.JAPANESE))
                .isEqualTo("ラボ jdbc:mysql://db/lab は H2 の URL ではありません。VIF Lab はラボを H2 データベースに保存します。"
                        + "ラボファイルのパスか jdbc:h2: の URL を指定してください。何も開かず、何も変更していません。");
    }
}
