package dev.pymastery.kernel.interpreter;

import java.util.List;

/**
 * What kernel_info_reply says about this kernel and its language.
 *
 * @param languageVersion the Python version GraalPy implements, e.g. {@code 3.12.8}
 */
public record KernelInfo(
        String implementation,
        String implementationVersion,
        String languageVersion,
        String banner,
        List<HelpLink> helpLinks) {

    public record HelpLink(String text, String url) {}

    public KernelInfo {
        helpLinks = List.copyOf(helpLinks);
    }
}
