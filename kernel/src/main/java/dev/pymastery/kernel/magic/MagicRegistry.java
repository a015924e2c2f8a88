package dev.pymastery.kernel.magic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kernel's magics, registered explicitly by the composition root. Other parts of the kernel
 * (container runtimes, checks) join by registering their own {@link LineMagic} and
 * {@link CellMagic} instances.
 */
public final class MagicRegistry {
    private final Map<String, LineMagic> lineMagics = new TreeMap<>();
    private final Map<String, CellMagic> cellMagics = new TreeMap<>();

    public MagicRegistry register(LineMagic magic) {
        if (lineMagics.putIfAbsent(magic.name(), magic) != null) {
            throw new IllegalArgumentException("line magic %" + magic.name() + " registered twice");
        }
        return this;
    }

    public MagicRegistry register(CellMagic magic) {
        if (cellMagics.putIfAbsent(magic.name(), magic) != null) {
            throw new IllegalArgumentException("cell magic %%" + magic.name() + " registered twice");
        }
        return this;
    }

    public Optional<LineMagic> line(String name) {
        return Optional.ofNullable(lineMagics.get(name));
    }

    public Optional<CellMagic> cell(String name) {
        return Optional.ofNullable(cellMagics.get(name));
    }

    public List<LineMagic> lineMagics() {
        return List.copyOf(lineMagics.values());
    }

    public List<CellMagic> cellMagics() {
        return List.copyOf(cellMagics.values());
    }

    /** The message for {@code %name} when no such line magic exists. */
    public String unknownLine(String name) {
        return "Line magic function `%" + name + "` not found. Known line magics: "
                + String.join(
                        ", ", lineMagics.keySet().stream().map(n -> "%" + n).toList())
                + ". %lsmagic lists them with their help.";
    }

    /** The message for {@code %%name} when no such cell magic exists. */
    public String unknownCell(String name) {
        return "Cell magic `%%" + name + "` not found. Known cell magics: "
                + String.join(
                        ", ", cellMagics.keySet().stream().map(n -> "%%" + n).toList())
                + ". %lsmagic lists them with their help.";
    }
}
