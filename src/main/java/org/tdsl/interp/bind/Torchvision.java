package org.tdsl.interp.bind;

import java.util.ArrayList;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.viz.MakeGrid;

/**
 * torchvision as far as the MNIST programs reach: datasets.MNIST and FashionMNIST,
 * transforms (Compose, ToTensor, Normalize, Lambda; random augmentations as no-ops that say
 * so), utils.save_image and utils.make_grid.
 */
final class Torchvision {
  private Torchvision() {}

  /** Augmentations accepted and skipped, each with a warning when made. */
  private static final String[] NO_OPS = {"RandomRotation", "RandomCrop", "RandomHorizontalFlip", "RandomVerticalFlip",
      "RandomAffine", "RandomResizedCrop", "ColorJitter", "RandomErasing"};

  static void install(Builtins b) {
    Namespace vision = new Namespace("torchvision");
    Namespace datasets = new Namespace("torchvision.datasets");
    Namespace transforms = new Namespace("torchvision.transforms");
    Namespace utils = new Namespace("torchvision.utils");
    vision.put("datasets", datasets);
    vision.put("transforms", transforms);
    vision.put("utils", utils);
    b.registerValue("torchvision", "torchvision: datasets.MNIST / FashionMNIST, transforms, utils.save_image / make_grid.", vision);

    for (String name : new String[] {"MNIST", "FashionMNIST"}) {
      datasets.put(name, new Builtin(name, name + "(root, train=True, transform=None, target_transform=None, download=False)",
          "The " + name + " split in root/" + name + "/raw (IDX files as torchvision lays them out, .gz or not; tdsl never downloads);"
              + " items are (image, label), the image a grayscale picture for transforms.ToTensor().",
          a -> VisionDataset.open(name, a)));
    }

    transforms.put("Compose", new Builtin("Compose", "Compose(transforms)", "Applies the transforms in order.",
        a -> new ImageTransforms.Compose(Values.toList(a.get("transforms"), a.interpreter()))));
    transforms.put("ToTensor", new Builtin("ToTensor", "ToTensor()", "A grayscale picture becomes a 1×H×W float tensor in [0, 1].",
        a -> new ImageTransforms.ToTensor()));
    transforms.put("Normalize", new Builtin("Normalize", "Normalize(mean, std, inplace=False)",
        "(x - mean) / std per channel of a C×H×W float tensor.",
        a -> new ImageTransforms.Normalize(ImageTransforms.floats(a.get("mean"), "mean"), ImageTransforms.floats(a.get("std"), "std"),
            "Normalize(mean=" + Values.repr(a.get("mean")) + ", std=" + Values.repr(a.get("std")) + ")")));
    transforms.put("Lambda", new Builtin("Lambda", "Lambda(lambd)", "Applies a function of yours.",
        a -> new ImageTransforms.Lambda(a.get("lambd"))));
    for (String name : NO_OPS) {
      transforms.put(name, new Builtin(name, name + "(*args, **kwargs)",
          "Accepted and skipped: tdsl does not augment images yet (a warning says so).",
          a -> {
            a.interpreter().host().warn("UserWarning", "transforms." + name + " does nothing in tdsl yet: images pass unchanged");
            return new ImageTransforms.NoOp(name + "()");
          }));
    }

    Object saveImage = b.functions().stream().filter(f -> f.name().equals("save_image")).findFirst().orElse(null);
    if (saveImage != null) utils.put("save_image", saveImage);
    utils.put("make_grid", new Builtin("make_grid", "make_grid(tensor, nrow=8, padding=2, normalize=False, value_range=None, scale_each=False, pad_value=0.0)",
        "A batch of images (N×C×H×W) tiled nrow to a row into one 3×H×W image, as torchvision does.",
        a -> {
          if (a.get("value_range") != null || a.getBool("scale_each")) {
            throw new TdslError("make_grid(): tdsl does not support value_range= or scale_each= yet");
          }
          return MakeGrid.makeGrid(Convert.tensor(a.get("tensor"), "make_grid", "tensor"), Convert.toInt(a.get("nrow"), "nrow"),
              Convert.toInt(a.get("padding"), "padding"), a.getBool("normalize"), a.getDouble("pad_value"));
        }));
    b.registerProtocol(ImageTransforms.class, ImageTransforms.PROTOCOL);
    b.registerProtocol(ImageTransforms.GrayImage.class, ImageTransforms.GrayImage.PROTOCOL);
    b.registerProtocol(VisionDataset.class, VisionDataset.PROTOCOL);
  }
}
