package io.gradcheck.learn;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versioned paths of the page's assets. KaTeX's version is read from its WebJar, so the pom is the one place. */
final class Assets {

    static final String KATEX = "/webjars/katex/" + webJarVersion("org.webjars.npm", "katex") + "/dist";
    static final String MATHLIVE = "/vendor/mathlive";

    private Assets() {
    }

    private static String webJarVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " WebJar is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
