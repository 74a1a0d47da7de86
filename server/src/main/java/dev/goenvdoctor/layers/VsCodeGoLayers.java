package dev.goenvdoctor.layers;

import dev.goenvdoctor.model.Layer;
import java.util.Optional;

/**
 * The two computed layers: what the VS Code Go extension runs ({@code vscodeGo}) and what gopls runs go
 * with ({@code gopls}), plus the gopls binary the extension would start and why.
 */
public record VsCodeGoLayers(Layer vscodeGo, Layer gopls, Optional<String> goplsBinary, String goplsWhy) {}
