package org.tre.api.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tre.api.TreApplication;

import java.util.ArrayList;
import java.util.List;

/** The whole jar's application, started and stopped by a test as an operator would, on a free port. */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningService start(String... properties) {
        TreApplication.disableUpdateChecks();
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        for (String property : properties) {
            args.add("--" + property);
        }
        // The access log is for operators, not for test output, unless a test asks for it.
        if (args.stream().noneMatch(arg -> arg.startsWith("--logging.level.org.tre.api.access"))) {
            args.add("--logging.level.org.tre.api.access=WARN");
        }
        return new RunningService(new SpringApplicationBuilder(TreApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Dx dx() {
        return new Dx(port());
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
