package org.viflab.store;

import org.viflab.model.Sentence;

/**
 * Why a lab file was refused: the sentences of the {@link org.viflab.coordinator.Repository.StoreException}s
 * the store throws when a file cannot be opened, and the fragments {@code LAB_FILE} wraps. The words
 * are in {@code org/viflab/store/sentences.properties} (English) and {@code sentences_ja.properties}
 * (Japanese), under the constant's name.
 */
enum Refusal implements Sentence.Key {
    LAB_FILE,
    CANNOT_BE_READ,
    SCHEMA_HISTORY_UNREADABLE,
    UPGRADE_UNDER_WAY,
    UPGRADE_COPY_FAILED,
    UPGRADE_FAILED,
    IS_FOLDER,
    NOT_REGULAR_FILE,
    EMPTY,
    READ_ONLY,
    OPEN_HERE,
    OPEN_ELSEWHERE,
    NOT_H2,
    INCOMPLETE,
    NO_LAB_TABLE,
    WRONG_TABLES,
    TABLES_MISSING,
    TABLES_UNEXPECTED,
    NEWER_SCHEMA,
    HALF_UPGRADED,
    DAMAGED_COLUMN,
    DAMAGED_VALUE,
    OLD_H2_FORMAT,
    ENCRYPTED,
    H2_READ_ONLY,
    DAMAGED,
    PATH_HAS_SEMICOLON,
    PATH_UNUSABLE,
    NO_LAB_NAMED,
    NOT_H2_URL,
    URL_SETS_SETTING,
    UNNAMED_MEMORY_URL;

    static final String BUNDLE = "org.viflab.store.sentences";

    @Override
    public String bundle() {
        return BUNDLE;
    }
}
