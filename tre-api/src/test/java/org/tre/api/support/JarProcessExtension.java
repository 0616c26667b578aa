package org.tre.api.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.nio.file.Path;

/**
 * For tests that start {@link JarProcess}es: a failed test shows the tail of each jar's console (the
 * jar's own stack traces are there, not in the test's), and no jar outlives the test that started it.
 */
public final class JarProcessExtension implements BeforeEachCallback, AfterEachCallback, TestWatcher {

    @Override
    public void beforeEach(ExtensionContext context) {
        JarProcess.forgetLogs();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        JarProcess.killAllRunning();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (Path log : JarProcess.startedLogs()) {
            System.err.println(JarProcess.tail(log, 60));
        }
    }
}
