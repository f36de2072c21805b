package org.viflab.ui;

/**
 * How the GUI tells the user about things outside the flow of their work: rejected requests,
 * finished saves, unexpected failures. View models call it; the FX implementation shows ControlsFX
 * notifications and an error dialog, tests record the calls.
 */
public interface Notifier {

    /** A request was rejected: the AWS-style code and a plain sentence. */
    void rejected(String code, String sentence);

    /** Something worth a short note (a file saved, a demo loaded). */
    void info(String text);

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
        public void unexpected(String what, Throwable error) {
        }
    };
}
