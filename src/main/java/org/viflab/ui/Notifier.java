package org.viflab.ui;

/**
 * How the GUI tells the user about things outside the flow of their work: rejected requests,
 * finished saves, things that could not be done, unexpected failures. View models call it; the FX
 * implementation shows ControlsFX notifications and an error dialog, tests record the calls.
 *
 * <p>{@link #failed} is for a failure the user can understand and act on (a file that cannot be
 * written, a lab file the database refuses): a plain sentence, no stack trace. {@link #unexpected}
 * is for a failure nobody planned for (a bug): the details are there for a bug report.
 */
public interface Notifier {

    /** A request was rejected: the AWS-style code and a plain sentence. */
    void rejected(String code, String sentence);

    /** Something worth a short note (a file saved, a demo loaded). */
    void info(String text);

    /**
     * Something the user asked for could not be done, for a reason said in plain words; the lab
     * stays open and unchanged.
     *
     * @param what what could not be done, e.g. {@code Cannot save /home/ana/lab.yaml}
     * @param why  why, and what was kept, e.g. {@code The disk is full. …}
     */
    void failed(String what, String why);

    /** Something went wrong that nobody planned for; the lab stays open. */
    void unexpected(String what, Throwable error);

    /** A notifier that tells nobody (for headless uses). */
    Notifier SILENT = new Notifier() {
        @Override
        public void rejected(String code, String sentence) {
        }

        @Override
        public void info(String text) {
        }

        @Override
        public void failed(String what, String why) {
        }

        @Override
        public void unexpected(String what, Throwable error) {
        }
    };
}
