package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module exports exactly the public packages, and no public or protected signature of an
 * exported type mentions Netty (STYLE.md rule 2).
 */
@org.junit.jupiter.api.Timeout(60)
class PublicApiTest {
  private static Path classesDir() throws URISyntaxException {
    return Path.of(Nodus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static ModuleDescriptor descriptor() throws Exception {
    try (InputStream in = Files.newInputStream(classesDir().resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  private static Set<String> packagesWithClasses() throws Exception {
    Path root = classesDir();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
          .map(f -> root.relativize(f.getParent()).toString().replace('/', '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void exportsEveryPublicPackageAndNoInternalOne() throws Exception {
    ModuleDescriptor d = descriptor();
    assertThat(d.name()).isEqualTo("dev.nodus");
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> publicPackages = packagesWithClasses().stream()
        .filter(p -> !p.contains(".internal"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(exported).isEqualTo(publicPackages);
    assertThat(d.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
  }

  @Test
  void noPublicSignatureMentionsNetty() throws Exception {
    List<String> offenders = new ArrayList<>();
    for (String pkg : descriptor().exports().stream().map(ModuleDescriptor.Exports::source).toList()) {
      for (Class<?> c : classesIn(pkg)) {
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        check(c.getName(), c.getGenericSuperclass() == null ? "" : c.getGenericSuperclass().getTypeName(), offenders);
        for (var i : c.getGenericInterfaces()) {
          check(c.getName(), i.getTypeName(), offenders);
        }
        for (Method m : c.getDeclaredMethods()) {
          if (visible(m.getModifiers())) {
            check(c.getName() + "." + m.getName(), m.toGenericString(), offenders);
          }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (visible(k.getModifiers())) {
            check(c.getName() + ".<init>", k.toGenericString(), offenders);
          }
        }
        for (Field f : c.getDeclaredFields()) {
          if (visible(f.getModifiers())) {
            check(c.getName() + "." + f.getName(), f.toGenericString(), offenders);
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static boolean visible(int mod) {
    return Modifier.isPublic(mod) || Modifier.isProtected(mod);
  }

  private static void check(String where, String signature, List<String> offenders) {
    if (signature.contains("io.netty")) {
      offenders.add(where + ": " + signature);
    }
  }

  private static List<Class<?>> classesIn(String pkg) throws Exception {
    Path dir = classesDir().resolve(pkg.replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = f.getFileName().toString().replace(".class", "");
        if (name.equals("package-info")) {
          continue;
        }
        out.add(Class.forName(pkg + "." + name, false, PublicApiTest.class.getClassLoader()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
