package org.tdsl.interp.bind;

import org.tdsl.interp.Builtins;

/**
 * The table of modules `import` finds: each Python module name tdsl provides, and the
 * namespace that stands for it. The namespaces are the ones the bare names already use
 * (`import torch.nn as nn` binds the very `nn` that works without the import), so imports
 * add nothing a program without them lacks. A new module (math, random, numpy, ...) is one
 * line here and a Namespace filled by its own install method.
 */
final class Modules {
  private Modules() {}

  static void install(Builtins b, Namespace torch) {
    Namespace nn = (Namespace) torch.get("nn");
    Namespace optim = (Namespace) torch.get("optim");
    Namespace utils = (Namespace) torch.get("utils");  // DataUtils' and LibraryClasses' torch.utils.data
    Namespace data = (Namespace) utils.get("data");

    b.registerModule("torch", torch);
    b.registerModule("torch.nn", nn);
    b.registerModule("torch.nn.functional", nn.get("functional"));
    b.registerModule("torch.optim", optim);
    b.registerModule("torch.optim.lr_scheduler", optim.get("lr_scheduler"));
    b.registerModule("torch.autograd", torch.get("autograd"));
    b.registerModule("torch.utils", utils);
    b.registerModule("torch.utils.data", data);
    Namespace vision = (Namespace) b.get("torchvision");
    b.registerModule("torchvision", vision);
    for (String part : new String[] {"datasets", "transforms", "utils"}) {
      b.registerModule("torchvision." + part, vision.get(part));
    }
  }
}
