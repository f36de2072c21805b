package org.viflab.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.viflab.coordinator.Repository;

/**
 * A repository that passes every call to a real one after a hook has looked at it: the hook may
 * throw (a disk that fills up, a file that cannot be read) or take note of the call.
 */
public final class FaultyRepository {

    /** Looks at a call before it reaches the real repository; whatever it throws, the caller gets. */
    @FunctionalInterface
    public interface Hook {
        void before(String method, Object[] args);
    }

    private FaultyRepository() {
    }

    public static Repository around(Repository real, Hook hook) {
        return (Repository) Proxy.newProxyInstance(Repository.class.getClassLoader(),
                new Class<?>[] {Repository.class}, (proxy, method, args) -> {
                    hook.before(method.getName(), args);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
