"""Goods: item specs, material grades and the classifier against control lists."""
