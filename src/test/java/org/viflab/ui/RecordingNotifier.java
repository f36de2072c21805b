package org.viflab.ui;

import java.util.ArrayList;
import java.util.List;

/** Keeps what the GUI would have told the user, for tests to read. */
final class RecordingNotifier implements Notifier {

    final List<String> rejections = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    /** What could not be done and why, as {@code what | why}. */
    final List<String> failed = new ArrayList<>();
    final List<Throwable> failures = new ArrayList<>();
    /** The headline of each unexpected failure. */
    final List<String> unexpectedWhat = new ArrayList<>();

    @Override
    public void rejected(String code, String sentence) {
        rejections.add(code + ": " + sentence);
    }

    @Override
    public void info(String text) {
        infos.add(text);
    }

    @Override
    public void failed(String what, String why) {
        failed.add(what + " | " + why);
    }

    @Override
    public void unexpected(String what, Throwable error) {
        unexpectedWhat.add(what);
        failures.add(error);
    }
}
