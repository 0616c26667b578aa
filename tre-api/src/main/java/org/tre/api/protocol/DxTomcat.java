package org.tre.api.protocol;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Installs DxErrorReportValve as the Host's error report valve, in place of the HTML one that Tomcat
 * and Spring Boot put there. Ordered last: Spring Boot's own customizer adds its valve first, and this
 * one removes it.
 */
@Component
public class DxTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final DxErrors errors;

    public DxTomcat(DxErrors errors) {
        this.errors = errors;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> install(context.getParent()));
    }

    private void install(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new DxErrorReportValve(errors));
        // The Host adds a valve of this class when it starts unless one is there already.
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(DxErrorReportValve.class.getName());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
