package io.slamon.reports.render;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step (exec-maven-plugin, phase process-classes): compiles every {@code .jrxml} of a
 * directory to {@code .jasper} and writes the sRGB ICC profile PDF/A needs (taken from the JDK, so
 * no binary is kept in the repository). A template that does not compile fails the build.
 */
public final class TemplateCompiler {
  private TemplateCompiler() {}

  public static void main(String[] args) throws IOException, JRException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TemplateCompiler <jrxml directory> <output directory>");
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    List<Path> templates;
    try (Stream<Path> files = Files.list(in)) {
      templates = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
    }
    for (Path t : templates) {
      String name = t.getFileName().toString().replace(".jrxml", ".jasper");
      JasperCompileManager.compileReportToFile(t.toString(), out.resolve(name).toString());
      System.out.println("compiled " + t.getFileName() + " -> " + name);
    }
    Files.write(out.resolve("sRGB.icc"), ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
  }
}
