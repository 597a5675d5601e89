package dev.hexcore.adapters.rest.problem;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods the resources declare for a path, for the {@code Allow} header a 405 must carry
 * (RESTEasy Reactive's NotAllowedException has none). Built once from the resource classes.
 */
@Singleton
public class AllowedMethods {
    private record Route(Pattern path, String method) {
    }

    private final List<Route> routes = new ArrayList<>();

    public AllowedMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) continue;
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) continue;
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                routes.add(new Route(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), httpMethod));
            }
        }
    }

    /** Declared methods for the path, plus HEAD where GET is declared and OPTIONS (answered by the framework). */
    public Set<String> forPath(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) allowed.add(route.method());
        }
        if (allowed.contains("GET")) allowed.add("HEAD");
        if (!allowed.isEmpty()) allowed.add("OPTIONS");
        return allowed;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
