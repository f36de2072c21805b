package org.viflab.ui;

import java.util.Locale;
import org.viflab.lab.Lab;
import org.viflab.store.H2Repository;

/** Labs for the GUI's tests: the demo lab in an in-memory H2 database. */
final class TestLabs {

    private TestLabs() {
    }

    static Lab demo() {
        Lab lab = Lab.open(H2Repository.inMemory());
        DemoLab.build(lab);
        return lab;
    }

    static Lab empty() {
        return Lab.open(H2Repository.inMemory());
    }

    /** A main view model on the demo lab, in English, telling {@code notifier}. */
    static MainViewModel demoViewModel(RecordingNotifier notifier) {
        MainViewModel vm = new MainViewModel(VifLabApp.h2Store(), new Texts(Locale.ENGLISH), notifier, Runnable::run);
        vm.show(demo(), "demo");
        return vm;
    }
}
