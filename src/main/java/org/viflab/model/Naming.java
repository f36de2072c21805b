package org.viflab.model;

/**
 * The sentences {@link Id#check} says about text that is not an id, and the names of the kinds of id
 * they are said of. The words are in {@code org/viflab/model/sentences.properties} (English) and
 * {@code sentences_ja.properties} (Japanese), under the constant's name.
 */
enum Naming implements Sentence.Key {
    MISSING_ID,
    ID_TOO_LONG,
    ID_NOT_ONE_WORD,
    ATTACHMENT,
    INSTANCE,
    INTERFACE,
    PHYSICAL_NIC,
    PARTITION,
    PLATFORM,
    PRINCIPAL,
    SECURITY_GROUP,
    SUBNET;

    static final String BUNDLE = "org.viflab.model.sentences";

    @Override
    public String bundle() {
        return BUNDLE;
    }
}
