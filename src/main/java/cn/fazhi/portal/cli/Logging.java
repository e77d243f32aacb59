package cn.fazhi.portal.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging (OrientDB's) into SLF4J, where logback.xml keeps libraries quiet,
 * so that a build prints a few lines an editor can read.
 */
final class Logging {

    private Logging() {
    }

    static void quiet() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
